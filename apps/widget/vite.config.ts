import { defineConfig } from 'vite';

// One classic script a company's page loads with a <script> tag: an IIFE with everything inlined
// (styles too), no chunks, no globals but the `window.SadaChat` the widget sets itself.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    lib: {
      entry: 'src/widget.ts',
      formats: ['iife'],
      name: 'SadaChatWidget',
      fileName: () => 'widget.js',
    },
  },
});

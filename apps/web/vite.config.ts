import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves the console with hot reload and forwards the API and WebSocket to a running
// `npm start` (SADA_API_URL, default http://localhost:3000).
const apiTarget = process.env.SADA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api/live': { target: apiTarget, ws: true, changeOrigin: false },
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});

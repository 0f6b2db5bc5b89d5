// The live-chat widget a company adds with one tag:
// <script src="https://SADA_HOST/widget.js" data-workspace="SLUG" data-lang="ar" async></script>
import { type ChatControls, startChatWidget } from './chat-widget.ts';
import { readEmbed } from './embed.ts';

declare global {
  interface Window {
    /** Opens or closes the chat from the host page's own buttons. */
    SadaChat?: ChatControls;
  }
}

// Read now: `document.currentScript` is only set while this script's top level runs.
const embed = readEmbed(document.currentScript);

if (!embed) {
  console.warn('Sada chat: the <script> tag needs data-workspace="your-workspace".');
} else if (!window.SadaChat) {
  let controls: ChatControls | null = null;
  // A call made before the settings arrive is kept and applied once the panel exists.
  let pendingOpen: boolean | null = null;
  window.SadaChat = {
    open() {
      if (controls) controls.open();
      else pendingOpen = true;
    },
    close() {
      if (controls) controls.close();
      else pendingOpen = false;
    },
  };
  const start = () =>
    startChatWidget(embed).then(
      (ready) => {
        controls = ready;
        if (ready && pendingOpen !== null) (pendingOpen ? ready.open : ready.close)();
      },
      (error: unknown) => console.warn('Sada chat could not start:', error),
    );
  // The panel goes at the end of <body>, which an async script may run before.
  if (document.body) void start();
  else document.addEventListener('DOMContentLoaded', () => void start(), { once: true });
}

/** How long each of the two titles shows while flashing. */
const FLASH_INTERVAL_MS = 1000;

/**
 * Flashes the page title between the page's own and `text` ("(2) New messages") so a
 * visitor in another tab notices a reply. The page may change its title meanwhile: that
 * becomes the title restored by stop().
 */
export function createTitleFlasher(doc: Document) {
  let timer: ReturnType<typeof setInterval> | null = null;
  let original = doc.title;
  let flashText = "";

  function stop(): void {
    if (timer === null) return;
    clearInterval(timer);
    timer = null;
    if (doc.title === flashText) doc.title = original;
  }

  return {
    start(text: string): void {
      if (timer === null) original = doc.title;
      flashText = text;
      if (timer !== null) return;
      doc.title = text;
      timer = setInterval(() => {
        if (doc.title !== flashText && doc.title !== original) original = doc.title; // the page retitled itself
        doc.title = doc.title === flashText ? original : flashText;
      }, FLASH_INTERVAL_MS);
    },
    stop,
    get flashing() {
      return timer !== null;
    },
  };
}

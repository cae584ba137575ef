/**
 * Opens a studio link on the customer's website in a new window. The window is opened at
 * once, inside the click (later, a popup blocker may refuse it), and cut from this page
 * before it leaves for the site: the site must not reach the inbox through `opener`.
 * Returns the window's navigation, or null when the browser refused the window.
 */
export async function openOnSite(win: Window, link: () => Promise<{ url: string }>): Promise<Window | null> {
  const popup = win.open("about:blank", "_blank");
  if (popup === null) return null;
  popup.opener = null;
  try {
    const { url } = await link();
    popup.location.href = url;
    return popup;
  } catch (error) {
    popup.close();
    throw error;
  }
}

import { useState } from "preact/hooks";
import { playChime, setSoundEnabled, soundEnabled } from "../../chats/sound";

/**
 * Desktop notifications need the browser's permission, asked for only when the operator
 * clicks; the new-message sound is a choice kept in this browser.
 */
export function NotificationsSection() {
  const supported = typeof Notification !== "undefined";
  const [permission, setPermission] = useState(supported ? Notification.permission : "denied");
  const [sound, setSound] = useState(() => soundEnabled());
  return (
    <section aria-labelledby="notifications-heading" class="card">
      <h2 id="notifications-heading">Notifications</h2>
      {!supported ? (
        <p>This browser has no desktop notifications.</p>
      ) : permission === "granted" ? (
        <p>A new message shows as a desktop notification while the inbox is in the background.</p>
      ) : permission === "denied" ? (
        <p>Desktop notifications are blocked for this site in the browser's settings.</p>
      ) : (
        <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Allow desktop notifications
        </button>
      )}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={sound}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setSoundEnabled(on);
            setSound(on);
            if (on) playChime();
          }}
        />
        Play a sound for new messages (in this browser)
      </label>
    </section>
  );
}

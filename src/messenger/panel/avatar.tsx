import { useState } from "preact/hooks";
import { initials, safeImageUrl } from "../format";

/** A photo when the URL is plain http(s) and loads; otherwise the sender's initials. */
export function Avatar({ name, url }: { name: string; url?: string | undefined }) {
  const [broken, setBroken] = useState(false);
  const src = safeImageUrl(url);
  return (
    <span class="oc-avatar" aria-hidden="true">
      {src && !broken ? (
        <img src={src} alt="" referrerpolicy="no-referrer" onError={() => setBroken(true)} />
      ) : (
        initials(name)
      )}
    </span>
  );
}

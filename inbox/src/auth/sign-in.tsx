import { useState } from "preact/hooks";
import { errorMessage, useServices } from "../use-convex";

export function SignIn() {
  const { auth } = useServices();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await auth.signIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <main class="centered">
      <h1>Sign in to the inbox</h1>
      <form class="card stack" onSubmit={submit} aria-describedby={error ? "sign-in-error" : undefined}>
        <label>
          Email
          <input name="email" type="email" autocomplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error && <p id="sign-in-error" role="alert" class="error">{error}</p>}
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}

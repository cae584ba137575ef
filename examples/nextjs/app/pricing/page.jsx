import Link from "next/link";

export default function Pricing() {
  return (
    <main>
      <h1>Pricing</h1>
      <p>A client-side navigation: the widget stays mounted and records this page view.</p>
      <Link href="/">Back home</Link>
    </main>
  );
}

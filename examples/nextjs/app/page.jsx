import Link from "next/link";

export default function Home() {
  return (
    <main>
      <h1>Next.js App Router</h1>
      <p>The widget is added once, in the root layout, with next/script.</p>
      <Link href="/pricing">See pricing (client-side navigation)</Link>
    </main>
  );
}

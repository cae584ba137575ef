import Link from "next/link";
import Script from "next/script";

export const metadata = { title: "Next.js · Opencom widget example" };

// NEXT_PUBLIC_* values are inlined into the build: set them for `next build`.
const widgetUrl = process.env.NEXT_PUBLIC_OPENCOM_WIDGET_URL;
const convexUrl = process.env.NEXT_PUBLIC_OPENCOM_CONVEX_URL;
const workspaceId = process.env.NEXT_PUBLIC_OPENCOM_WORKSPACE_ID;

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>
        <nav>
          <Link href="/">Home</Link> · <Link href="/pricing">Pricing</Link>
        </nav>
        {children}
        {/* In the root layout, so the widget stays mounted across client-side navigations. */}
        {widgetUrl && convexUrl && workspaceId ? (
          <Script
            src={widgetUrl}
            strategy="afterInteractive"
            data-opencom-convex-url={convexUrl}
            data-opencom-workspace-id={workspaceId}
          />
        ) : null}
      </body>
    </html>
  );
}

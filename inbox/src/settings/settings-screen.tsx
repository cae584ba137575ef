import { hrefOf } from "../routes";
import type { SettingsPageProps } from "./page";
import { SETTINGS_PAGES } from "./pages";

export function SettingsScreen({ me, workspace, page }: SettingsPageProps & { page: string | null }) {
  const visible = SETTINGS_PAGES.filter((candidate) => !candidate.adminOnly || workspace.role === "admin");
  const current = visible.find((candidate) => candidate.id === page) ?? visible[0];
  const Page = current?.component;
  return (
    <main class="screen settings">
      <h1>Settings</h1>
      <div class="settings-layout">
        <nav aria-label="Settings pages">
          <ul>
            {visible.map((candidate) => (
              <li key={candidate.id}>
                <a
                  href={hrefOf({ screen: "settings", page: candidate.id })}
                  aria-current={candidate === current ? "page" : undefined}
                >
                  {candidate.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="settings-page">{Page !== undefined && <Page me={me} workspace={workspace} />}</div>
      </div>
    </main>
  );
}

import { avatarTone } from "../../../../core/team/avatar-tone";
import { Avatar } from "../../panel/avatar";
import { useT } from "../../panel/i18n";
import type { PanelSettings } from "../../panel-settings";

/**
 * Up to three of the team, overlapping as faces do in a messenger; their names are the
 * list's text for assistive technology (and a tooltip), the pictures are decoration.
 */
export function TeamFaces({ team }: { team: PanelSettings["team"] }) {
  const t = useT();
  if (team.length === 0) return null;
  return (
    <ul class="oc-team-faces" aria-label={t.team}>
      {team.map((face, index) => (
        <li class={`oc-team-face oc-tone-${avatarTone(face.name)}`} key={`${index}-${face.name}`} title={face.name}>
          <Avatar name={face.name} url={face.avatarUrl} />
          <span class="oc-visually-hidden">{face.name}</span>
        </li>
      ))}
    </ul>
  );
}

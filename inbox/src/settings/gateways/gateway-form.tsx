import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { GatewayView } from "../../../../convex/model/gateways";
import type { Workspace } from "../../workspace";
import { errorMessage, useQuery, useServices } from "../../use-convex";
import { CopyableField, generateSecret } from "./secret-field";

type Templates = GatewayView["templates"];
const TEMPLATE_FIELDS: Array<[keyof Templates, string]> = [
  ["memberName", "Member's displayed name"],
  ["agentJoined", "Agent joined message"],
  ["agentLeft", "Agent left message"],
  ["chatComplete", "Chat complete message"],
];
const DEFAULT_TEMPLATES: Templates = {
  memberName: "{{agent.name}}",
  agentJoined: "{{agent.name}} joined the chat",
  agentLeft: "{{agent.name}} left the chat",
  chatComplete: "The chat is complete. Thank you, {{visitor.name}}!",
};
const VARIABLES = "{{agent.name}}, {{visitor.name}}, {{visitor.nickname}}, {{visitor.platform}}, {{chat.id}}, {{gateway.name}}";

/** One gateway's settings (or a new one): General and Templates, saved together. */
export function GatewayForm(props: { workspace: Workspace; gateway: GatewayView | null; onSaved: (id: string) => void }) {
  const { client } = useServices();
  const workspaceId = props.workspace.workspaceId;
  const { data: teams } = useQuery(api.supportTeams.list, { workspaceId });
  const [secret, setSecret] = useState(props.gateway?.appSecret ?? generateSecret());
  const [templates, setTemplates] = useState<Templates>(props.gateway?.templates ?? DEFAULT_TEMPLATES);
  const [status, setStatus] = useState<{ error: string | null; saved: boolean }>({ error: null, saved: false });
  const run = async (work: () => Promise<{ id: string }>) => {
    setStatus({ error: null, saved: false });
    try {
      const saved = await work();
      setStatus({ error: null, saved: true });
      props.onSaved(saved.id);
    } catch (failure) {
      setStatus({ error: errorMessage(failure), saved: false });
    }
  };
  const save = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const teamId = String(data.get("team") ?? "");
    void run(() =>
      client.action(api.gatewaysInbox.save, {
        workspaceId,
        ...(props.gateway ? { gatewayId: props.gateway.id } : {}),
        name: String(data.get("name") ?? ""),
        callbackUrl: String(data.get("callbackUrl") ?? ""),
        appSecret: secret,
        routing: { type: "team", teamId: teamId === "" ? null : teamId },
        templates,
      }),
    );
  };
  const heading = props.gateway ? `Gateway ${props.gateway.name}` : "New gateway";
  return (
    <form class="card stack gateway-form" aria-label={heading} onSubmit={save}>
      <h2>{heading}</h2>
      <fieldset class="stack">
        <legend>General</legend>
        <label>
          Name
          <input name="name" required maxLength={100} defaultValue={props.gateway?.name ?? ""} />
        </label>
        {props.gateway && (
          <CopyableField
            label="URI"
            name="uri"
            value={props.gateway.uri}
            readOnly
            regenerateLabel="Regenerate URI"
            onRegenerate={() => void run(() => client.action(api.gatewaysInbox.regenerateUri, { workspaceId, gatewayId: props.gateway!.id }))}
            hint="Your service POSTs here. Regenerating it makes the old URI answer 404."
          />
        )}
        <label>
          Callback URL
          <input name="callbackUrl" type="url" required maxLength={2048} defaultValue={props.gateway?.callbackUrl ?? ""} placeholder="https://chat.example.com/opencom" />
        </label>
        <CopyableField
          label="App secret"
          name="appSecret"
          value={secret}
          onInput={setSecret}
          regenerateLabel="Generate app secret"
          onRegenerate={() => setSecret(generateSecret())}
          hint="Warning: changing the app secret interrupts the integration until your service uses the new one."
        />
        <label>
          Routing: new chats go to
          <select name="team" defaultValue={props.gateway?.routing.teamId ?? ""}>
            <option value="">The whole team</option>
            {(teams ?? []).map((team) => (
              <option key={team.id} value={team.id}>{team.name}</option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset class="stack">
        <legend>Templates</legend>
        <p class="muted">Variables: {VARIABLES}. Their values are HTML-escaped; an empty template sends nothing.</p>
        {TEMPLATE_FIELDS.map(([key, label]) => (
          <label key={key}>
            {label}
            <input value={templates[key]} maxLength={1000} onInput={(event) => setTemplates({ ...templates, [key]: (event.currentTarget as HTMLInputElement).value })} />
          </label>
        ))}
      </fieldset>
      {status.error && <p role="alert" class="error">{status.error}</p>}
      {status.saved && <p role="status">Saved.</p>}
      <div class="actions">
        {props.gateway && (
          <button type="button" class="quiet" onClick={() => void client.mutation(api.gatewaysInbox.remove, { workspaceId, gatewayId: props.gateway!.id }).catch((failure: unknown) => setStatus({ error: errorMessage(failure), saved: false }))}>
            Delete gateway
          </button>
        )}
        <button type="submit">Save gateway</button>
      </div>
    </form>
  );
}

import { useEffect, useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { InboxMessengerSettings } from "../../../../convex/messengerSettings";
import { useQuery, useServices } from "../../use-convex";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";
import type { SettingsPageProps } from "../page";
import { browserTimeZone, defaultWeek, knownTimeZones, type OpeningInterval } from "./schedule";
import { WeekEditor } from "./week-editor";

type ReplyTime = InboxMessengerSettings["replyTime"];

/** When the team answers: a weekly schedule in a time zone, the promised reply time, the offline message. */
export function OfficeHoursPage({ workspace }: SettingsPageProps) {
  const { data } = useQuery(api.messengerSettings.inboxGet, { workspaceId: workspace.workspaceId });
  return data === undefined ? <p class="loading">Loading…</p> : <OfficeHoursForm workspaceId={workspace.workspaceId} settings={data} />;
}

function OfficeHoursForm({ workspaceId, settings }: { workspaceId: SettingsPageProps["workspace"]["workspaceId"]; settings: InboxMessengerSettings }) {
  const { client } = useServices();
  const [alwaysOpen, setAlwaysOpen] = useState(settings.officeHours === null);
  const [timeZone, setTimeZone] = useState(settings.officeHours?.timeZone ?? browserTimeZone());
  const [intervals, setIntervals] = useState<OpeningInterval[]>(settings.officeHours?.intervals ?? defaultWeek());
  const [replyTime, setReplyTime] = useState<ReplyTime>(settings.replyTime);
  const [offlineMessage, setOfflineMessage] = useState(settings.offlineMessage ?? "");
  const [zones, setZones] = useState<string[]>([]);
  useEffect(() => setZones(knownTimeZones()), []);
  const rowFields = intervals.map((_, index) => `officeHours.intervals.${index}`);
  const save = useSave(["officeHours.timeZone", ...rowFields, "officeHours.intervals", "replyTime", "offlineMessage"]);
  const submit = (event: Event) => {
    event.preventDefault();
    void save.run(() =>
      client.mutation(api.messengerSettings.inboxUpdate, {
        workspaceId,
        officeHours: alwaysOpen ? null : { timeZone: timeZone.trim(), intervals },
        replyTime,
        offlineMessage: offlineMessage.trim() === "" ? null : offlineMessage,
      }),
    );
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby="office-hours-heading">
      <h2 id="office-hours-heading">Office hours</h2>
      <label class="check">
        <input type="checkbox" checked={alwaysOpen} onChange={(event) => setAlwaysOpen((event.currentTarget as HTMLInputElement).checked)} />
        Always available (no office hours)
      </label>
      {!alwaysOpen && (
        <>
          <Field id="office-time-zone" label="Time zone" hint="An IANA time zone such as Europe/Paris." error={save.errorFor("officeHours.timeZone")}>
            {(control) => <input {...control} list="office-time-zones" value={timeZone} onInput={(event) => setTimeZone((event.currentTarget as HTMLInputElement).value)} />}
          </Field>
          <datalist id="office-time-zones">{zones.map((zone) => <option key={zone} value={zone} />)}</datalist>
          <WeekEditor intervals={intervals} onChange={setIntervals} errorFor={save.errorFor} listError={save.errorFor("officeHours.intervals")} />
        </>
      )}
      <Field id="office-reply-time" label="Reply time shown to visitors" error={save.errorFor("replyTime")}>
        {(control) => (
          <select {...control} value={replyTime} onChange={(event) => setReplyTime((event.currentTarget as HTMLSelectElement).value as ReplyTime)}>
            <option value="minutes">In a few minutes</option>
            <option value="hours">In a few hours</option>
            <option value="day">In a day</option>
          </select>
        )}
      </Field>
      <Field id="office-offline-message" label="Offline message" hint="Shown outside office hours; empty for the default." error={save.errorFor("offlineMessage")}>
        {(control) => <textarea {...control} rows={3} maxLength={500} value={offlineMessage} onInput={(event) => setOfflineMessage((event.currentTarget as HTMLTextAreaElement).value)} />}
      </Field>
      <div><button type="submit" disabled={save.busy}>Save office hours</button></div>
      <FormStatus error={save.formError} saved={save.saved} />
    </form>
  );
}

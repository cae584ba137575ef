import { DAY_NAMES, type OpeningInterval } from "./schedule";

/** The opening intervals, one row each (a day may have several, e.g. a lunch break), with the row's error beside it. */
export function WeekEditor({
  intervals,
  onChange,
  errorFor,
  listError,
}: {
  intervals: OpeningInterval[];
  onChange: (next: OpeningInterval[]) => void;
  errorFor: (field: string) => string | null;
  listError: string | null;
}) {
  const update = (index: number, change: Partial<OpeningInterval>) => onChange(intervals.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <fieldset class="week">
      <legend>Weekly schedule</legend>
      {intervals.length === 0 && <p class="hint">No opening hours: the team shows as away all week.</p>}
      {intervals.map((row, index) => {
        const error = errorFor(`officeHours.intervals.${index}`);
        const errorId = `interval-${index}-error`;
        const described = error !== null ? { "aria-describedby": errorId, "aria-invalid": "true" as const } : {};
        const label = `Opening ${index + 1}`;
        return (
          <div key={index} class="interval" role="group" aria-label={label}>
            <label>
              Day <span class="visually-hidden">of {label.toLowerCase()}</span>
              <select value={row.day} {...described} onChange={(event) => update(index, { day: Number((event.currentTarget as HTMLSelectElement).value) })}>
                {DAY_NAMES.map((name, day) => <option key={name} value={day}>{name}</option>)}
              </select>
            </label>
            <label>
              Opens <span class="visually-hidden">(opening {index + 1})</span>
              <input type="time" value={row.open} {...described} onInput={(event) => update(index, { open: (event.currentTarget as HTMLInputElement).value })} />
            </label>
            <label>
              Closes <span class="visually-hidden">(opening {index + 1})</span>
              <input type="time" value={row.close} {...described} onInput={(event) => update(index, { close: (event.currentTarget as HTMLInputElement).value })} />
            </label>
            <button type="button" class="quiet" onClick={() => onChange(intervals.filter((_, at) => at !== index))}>
              Remove<span class="visually-hidden"> opening {index + 1}</span>
            </button>
            {error !== null && <p id={errorId} class="error" role="alert">{error}</p>}
          </div>
        );
      })}
      <button type="button" class="quiet" disabled={intervals.length >= 28} onClick={() => onChange([...intervals, { day: 1, open: "09:00", close: "17:00" }])}>
        Add opening hours
      </button>
      {listError !== null && <p class="error" role="alert">{listError}</p>}
    </fieldset>
  );
}

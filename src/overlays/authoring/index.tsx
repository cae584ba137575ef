import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { createPlacer, adoptCss, type Placer } from "../shared/sheets";
import { SHARED_CSS } from "../shared/styles";
import type { AuthoringContext } from "../types";
import { AuthoringView } from "./authoring-view";
import { describeFailure, readDescription, type Described } from "./describe";
import { AUTHORING_CSS } from "./styles";
import { backend } from "../../runtime/functions";

function Authoring({ context, placer }: { context: AuthoringContext; placer: Placer }) {
  const [described, setDescribed] = useState<Described>({ status: "loading" });
  const [box] = useState(() => placer.key());
  const [target, setTarget] = useState<Element | null>(null);

  useEffect(
    () =>
      context.watch(
        backend.authoring.describe,
        { authoringToken: context.token },
        (value) => setDescribed(readDescription(value)),
        (error) => setDescribed(describeFailure(error)),
      ),
    [],
  );

  // The highlight follows its element through scrolling and resizing.
  useEffect(() => {
    if (!target) return;
    const place = () => {
      const rect = target.getBoundingClientRect();
      placer.set(box, { left: `${rect.left - 2}px`, top: `${rect.top - 2}px`, width: `${rect.width + 4}px`, height: `${rect.height + 4}px` });
    };
    place();
    context.win.addEventListener("scroll", place, { capture: true, passive: true });
    context.win.addEventListener("resize", place);
    return () => {
      context.win.removeEventListener("scroll", place, { capture: true });
      context.win.removeEventListener("resize", place);
    };
  }, [target]);

  return (
    <>
      {target && <div class="oc-auth-box" data-oc-place={box} aria-hidden="true" />}
      <section class="oc-auth-bar" role="region" aria-label="Opencom authoring">
        <AuthoringView context={context} described={described} highlight={setTarget} />
      </section>
    </>
  );
}

/** The authoring chunk's entry: loaded only when the URL carries `#opencom-authoring=<token>`. */
export function mountAuthoring(context: AuthoringContext): () => void {
  adoptCss(context.shadow, SHARED_CSS);
  adoptCss(context.shadow, AUTHORING_CSS);
  const placer = createPlacer(context.shadow);
  render(<Authoring context={context} placer={placer} />, context.container);
  return () => {
    render(null, context.container);
    placer.destroy();
  };
}

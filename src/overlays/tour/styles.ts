/* The tour chunk's stylesheet: the click catcher and spotlight of modal steps, the ring of pointer steps. */
export const TOUR_CSS = `
.oc-tour-catch{position:fixed;inset:0;pointer-events:auto}
.oc-tour-spot{position:fixed;left:-10px;top:-10px;width:0;height:0;border-radius:10px;pointer-events:none;
box-shadow:0 0 0 200vmax rgba(15,23,42,.55);transition:left .2s ease,top .2s ease,width .2s ease,height .2s ease}
.oc-tour-ring{position:fixed;left:-10px;top:-10px;width:0;height:0;border-radius:10px;pointer-events:none;
box-shadow:0 0 0 3px var(--oc-primary),0 0 0 7px color-mix(in srgb,var(--oc-primary) 25%,transparent)}
`;

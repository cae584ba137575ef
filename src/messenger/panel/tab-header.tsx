import type { ComponentChildren } from "preact";
import { ChevronLeftIcon } from "../icons";
import { HideButton } from "./hide-button";

export interface TabHeaderProps {
  title: string;
  onClose(): void;
  /** Shows a back button with this accessible name. */
  back?: { label: string; onBack(): void };
  /** A line under the title. */
  subtitle?: string;
  children?: ComponentChildren;
}

/** The bar at the top of a tab: optional back button, title, and the hide button (phones). */
export function TabHeader({ title, onClose, back, children }: TabHeaderProps) {
  return (
    <div class="oc-bar">
      {back && (
        <button type="button" class="oc-icon-button oc-flip" aria-label={back.label} onClick={back.onBack} data-autofocus="">
          <ChevronLeftIcon />
        </button>
      )}
      <div class="oc-bar-text">
        <h2 class="oc-bar-title">{title}</h2>
        {children}
      </div>
      <HideButton onClose={onClose} />
    </div>
  );
}

/** A tab's page: its header over a scrolling body. */
export function TabPage({ children, className = "oc-list-tab", subtitle, ...header }: TabHeaderProps & { className?: string }) {
  return (
    <div class={className}>
      <TabHeader {...header}>{subtitle && <p class="oc-bar-subtitle">{subtitle}</p>}</TabHeader>
      <div class="oc-scroll">{children}</div>
    </div>
  );
}

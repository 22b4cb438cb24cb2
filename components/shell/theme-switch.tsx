"use client";

import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { useTheme } from "next-themes";

const OPTIONS: { value: string; label: string; icon: LucideIcon }[] = [
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
  { value: "system", label: "System", icon: Monitor },
];

/**
 * Native radios behind a segmented look: arrow keys, labels and state come from the browser.
 * Only rendered inside the open person menu, i.e. after hydration, so the stored theme is known.
 */
export function ThemeSwitch() {
  const { theme, setTheme } = useTheme();
  return (
    <fieldset>
      <legend className="text-xs font-medium text-fg-muted">Theme</legend>
      <div className="mt-2 grid grid-cols-3 gap-1 rounded-md bg-surface-muted p-1">
        {OPTIONS.map(({ value, label, icon: Icon }) => (
          <label
            key={value}
            className="relative flex cursor-pointer items-center justify-center gap-1.5 rounded px-2 py-1.5 text-xs font-medium text-fg-muted has-checked:bg-surface has-checked:text-fg has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-focus"
          >
            <input
              type="radio"
              name="theme"
              value={value}
              checked={(theme ?? "system") === value}
              onChange={() => setTheme(value)}
              // Transparent over the whole segment rather than sr-only, so the pointer lands on the radio itself.
              className="absolute inset-0 cursor-pointer appearance-none opacity-0"
            />
            <Icon aria-hidden="true" className="size-3.5" />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

"use client";

// The backlog's one priority order. Drag an item by its handle (mouse, touch, or the keyboard: focus
// the handle, Space to lift, arrows to move, Space to drop, Escape to cancel; dnd-kit announces each
// step), or use the buttons (top, up, down, bottom). Each move sends the server the item and the item
// it now follows or precedes, never a rank; the list shows the move at once and takes it back if the
// server refuses.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowDownToLine, ArrowUp, ArrowUpToLine, GripVertical } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import type { FormState } from "@/lib/forms/initial-form-state";
import { ItemTags, type ItemTag } from "./item-badges";
import { itemKind, STATUS_LABEL } from "./words";

export type ListItem = {
  id: string;
  number: number;
  title: string;
  type: string;
  subtype: string | null;
  status: string;
  estimate: number | null;
  href: string;
  /** Owner, due date, links and an improvement action's flags, as words (item-badges.tsx). */
  tags: ItemTag[];
};

type Place = { to: "top" } | { to: "bottom" } | { to: "after"; targetId: string } | { to: "before"; targetId: string };

type Props = {
  items: ListItem[];
  editable: boolean;
  reorder: (input: { itemId: string } & Place) => Promise<FormState>;
  move: (input: { itemId: string; status: string }) => Promise<FormState>;
  label: string;
  /** False when the list shows only the first part of the backlog (the bottom is further down). */
  complete?: boolean;
};

const name = (items: ListItem[], id: unknown) => {
  const item = items.find((i) => i.id === id);
  return item ? `BL-${item.number} ${item.title}` : "the item";
};

export function BacklogListClient({ items: initial, editable, reorder, move, label, complete = true }: Props) {
  const [items, setItems] = useState(initial);
  const [seen, setSeen] = useState(initial);
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  // New props (after a save elsewhere on the page) replace the local order.
  if (seen !== initial) {
    setSeen(initial);
    setItems(initial);
  }
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const position = (id: unknown) => items.findIndex((i) => i.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(items, active.id)}, at position ${position(active.id)} of ${items.length}.`,
    onDragOver: ({ active, over }) => (over ? `${name(items, active.id)} is over position ${position(over.id)} of ${items.length}.` : `${name(items, active.id)} is no longer over the list.`),
    onDragEnd: ({ active, over }) => (over ? `${name(items, active.id)} was dropped at position ${position(over.id)} of ${items.length}.` : `${name(items, active.id)} was dropped.`),
    onDragCancel: ({ active }) => `Moving ${name(items, active.id)} was cancelled.`,
  };

  function send(next: ListItem[], itemId: string, place: Place) {
    const previous = items;
    setItems(next);
    startTransition(async () => {
      const result = await reorder({ itemId, ...place });
      if (result.status === "error") {
        setItems(previous);
        setMessage(result.message ?? "The move was not saved.");
      } else {
        const index = next.findIndex((i) => i.id === itemId);
        setMessage(`${name(next, itemId)} is now at position ${index + 1} of ${next.length}.`);
      }
    });
  }

  /**
   * Moves item `from` to index `to` and tells the server its new neighbour. The list may show only the
   * first part of the backlog: a move within it names the item it now follows; only the explicit
   * "to the bottom" button sends it below every item, shown or not.
   */
  function moveTo(from: number, to: number, end?: "bottom") {
    if ((from === to && end !== "bottom") || to < 0 || to >= items.length) return;
    const next = arrayMove(items, from, to);
    const item = next[to]!;
    const place: Place = end === "bottom" ? { to: "bottom" } : to === 0 ? { to: "top" } : { to: "after", targetId: next[to - 1]!.id };
    send(next, item.id, place);
  }

  function onDragEnd(event: DragEndEvent) {
    if (!event.over || event.active.id === event.over.id) return;
    moveTo(items.findIndex((i) => i.id === event.active.id), items.findIndex((i) => i.id === event.over!.id));
  }

  function changeStatus(itemId: string, status: string) {
    startTransition(async () => {
      const result = await move({ itemId, status });
      setMessage(result.status === "error" ? (result.message ?? "The status was not changed.") : `${name(items, itemId)} is now ${STATUS_LABEL[status]?.toLowerCase()}.`);
    });
  }

  return (
    <div>
      <p role="status" aria-live="polite" className="sr-only" data-testid="backlog-status">{message}</p>
      {message ? <p className="px-4 pb-2 text-sm text-fg-muted" aria-hidden="true">{message}</p> : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: "To move an item, press Space, then the arrow keys, then Space again to drop it, or Escape to cancel. Or use the move buttons." } }}>
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol aria-label={label} className="divide-y divide-line" aria-busy={pending}>
            {items.map((item, index) => (
              <Row key={item.id} item={item} index={index} count={items.length} complete={complete} editable={editable} onMove={moveTo} onStatus={changeStatus} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </div>
  );
}

const iconButton = "inline-flex size-8 items-center justify-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg disabled:opacity-30 focus-visible:outline-2 focus-visible:outline-offset-2";

function Row({ item, index, count, complete, editable, onMove, onStatus }: { item: ListItem; index: number; count: number; complete: boolean; editable: boolean; onMove: (from: number, to: number, end?: "bottom") => void; onStatus: (id: string, status: string) => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !editable });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const label = `BL-${item.number} ${item.title}`;
  return (
    <li ref={setNodeRef} style={style} id={`item-${item.number}`} data-item={item.number} className={`flex items-start gap-3 bg-surface px-4 py-3 ${isDragging ? "relative z-10 shadow-lg" : ""}`}>
      {editable ? (
        <button type="button" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`Drag ${label}`} className={`${iconButton} cursor-grab touch-none`}>
          <GripVertical aria-hidden="true" className="size-4" />
        </button>
      ) : null}
      <span className="mt-1 w-8 shrink-0 text-right text-sm tabular-nums text-fg-muted" aria-label={`Position ${index + 1}`}>{index + 1}</span>
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          <span className="mr-2 text-fg-muted tabular-nums">BL-{item.number}</span>
          <Link href={item.href} className="hover:underline">{item.title}</Link>
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
          <Badge tone={item.type === "OPERATIONAL" ? "info" : "neutral"}>{itemKind(item)}</Badge>
          <Badge tone="neutral">{item.estimate === null ? "Not estimated" : `${item.estimate} pt`}</Badge>
          <ItemTags tags={item.tags} />
        </div>
      </div>
      {editable ? (
        <div className="flex shrink-0 items-center gap-1">
          <label className="sr-only" htmlFor={`status-${item.id}`}>Status of {label}</label>
          <select id={`status-${item.id}`} value={item.status} onChange={(event) => onStatus(item.id, event.target.value)} className="rounded-md border border-line bg-surface px-2 py-1 text-sm">
            {Object.entries(STATUS_LABEL).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
          </select>
          <button type="button" className={iconButton} disabled={index === 0} onClick={() => onMove(index, 0)} aria-label={`Move ${label} to the top`}><ArrowUpToLine aria-hidden="true" className="size-4" /></button>
          <button type="button" className={iconButton} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move ${label} up`}><ArrowUp aria-hidden="true" className="size-4" /></button>
          <button type="button" className={iconButton} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`Move ${label} down`}><ArrowDown aria-hidden="true" className="size-4" /></button>
          <button type="button" className={iconButton} disabled={complete && index === count - 1} onClick={() => onMove(index, count - 1, "bottom")} aria-label={`Move ${label} to the bottom`}><ArrowDownToLine aria-hidden="true" className="size-4" /></button>
        </div>
      ) : (
        <Badge tone="neutral">{STATUS_LABEL[item.status]}</Badge>
      )}
    </li>
  );
}

"use client";

// The backlog list, split from the page's first load: dnd-kit (about 15 kB gzipped) is needed only to
// move items, so its chunk loads with next/dynamic. The list itself is still rendered on the server,
// so the backlog reads at once; dragging and the move buttons work once the chunk has arrived.
import dynamic from "next/dynamic";

export const BacklogList = dynamic(() => import("./backlog-list-client").then((module) => module.BacklogListClient));

export const teamSnapshotSelect = { id: true, slug: true, name: true, description: true, domainId: true, chatChannel: true } as const;

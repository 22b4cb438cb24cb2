export const reviewHref = (id: string) => `/reviews/${id}`;
export const reviewLabel = (number: number) => `PIR-${number}`;

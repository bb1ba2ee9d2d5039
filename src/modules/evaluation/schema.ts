// Slot: this module's tables.
export {};

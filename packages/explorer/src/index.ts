// The explorer (issue 15).
export {};

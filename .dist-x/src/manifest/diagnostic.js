// A problem found in user input, pointing at the exact place it came from.
export {};

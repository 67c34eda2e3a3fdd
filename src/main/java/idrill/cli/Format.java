package idrill.cli;

/** Output formats of the commands whose output is data. */
enum Format { text, json, markdown }

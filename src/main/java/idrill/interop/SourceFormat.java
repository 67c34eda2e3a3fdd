package idrill.interop;

/** How to read an import source; AUTO decides by file name, then by content. */
public enum SourceFormat { AUTO, MARKDOWN, ANKI }

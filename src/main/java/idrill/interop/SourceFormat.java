package idrill.interop;

/** How to read an import source; AUTO decides by file name, then by content; BANK is idrill's own YAML or JSON. */
public enum SourceFormat { AUTO, MARKDOWN, ANKI, BANK }

package idrill.cli;

/** Output formats of the reports (due, stats), which have no Markdown form: picocli refuses anything else. */
enum ReportFormat { text, json }

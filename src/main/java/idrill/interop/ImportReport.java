package idrill.interop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one source gave: its layout ("details", "bold", "heading", "admonition", "anki", or "none" when no
 * question was recognised), questions imported per section (heading path joined by " / ", or the Anki deck;
 * "" for none), how many were imported, each question left out as "file:line: reason", and when nothing
 * was found, why (else ""). Texts come from the source: sanitize before printing them to a terminal.
 */
public record ImportReport(String source, String layout, Map<String, Integer> perSection, int found, List<String> skipped,
    String reason) {
  public ImportReport {
    perSection = Collections.unmodifiableMap(new LinkedHashMap<>(perSection));
    skipped = List.copyOf(skipped);
  }
}

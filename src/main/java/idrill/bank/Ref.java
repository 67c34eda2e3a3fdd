package idrill.bank;

/** A reference: a bare URL (title null) or a titled link. */
public record Ref(String title, String url) {}

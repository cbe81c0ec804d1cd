package dev.tradefleet.web.json;

/**
 * Characters no text a client sends may hold: NUL (PostgreSQL cannot store it), every other C0 and C1 control
 * character including tab and line breaks (names, emails, labels and keys are one line), DEL, and the Unicode
 * direction overrides and isolates that make text display differently from what it is.
 */
public final class SafeText {

    private SafeText() {
    }

    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isForbidden(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isForbidden(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e')   // LRE, RLE, PDF, LRO, RLO
                || (c >= '\u2066' && c <= '\u2069')   // LRI, RLI, FSI, PDI
                || c == '\u200e' || c == '\u200f' || c == '\u061c';   // LRM, RLM, ALM
    }
}

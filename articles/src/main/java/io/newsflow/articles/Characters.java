package io.newsflow.articles;

/**
 * The characters ingest takes in any field. A NUL cannot be stored by PostgreSQL, an unpaired surrogate cannot be
 * written as UTF-8, and Unicode non-characters are never text: each is refused at once with a 400 rather than found
 * later in a dead-letter topic. Other C0 controls are only noise in titles and text and are removed.
 */
final class Characters {

    private Characters() {
    }

    /** Why the value cannot be accepted (e.g. "contains a NUL character (U+0000)"), or null when it can. */
    static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                if (isNonCharacter(codePoint)) {
                    return "contains the Unicode non-character " + hex(codePoint);
                }
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (" + hex(c) + ")";
            } else if (isNonCharacter(c)) {
                return "contains the Unicode non-character " + hex(c);
            }
        }
        return null;
    }

    /** The value without C0 control characters other than TAB, LF and CR (NUL is refused before, see {@link #problem}). */
    static String withoutControls(String value) {
        if (value == null || value.chars().noneMatch(Characters::isRemovedControl)) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.chars().filter(c -> !isRemovedControl(c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static boolean isRemovedControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE ...). */
    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String hex(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}

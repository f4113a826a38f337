package io.newsflow.enrichment.linking;

/**
 * A Wikipedia title read as the name of its subject and the qualifier Wikipedia adds to tell pages of one name apart:
 * "Georgia_(U.S._state)" is "Georgia" qualified by "U.S. state", "Paris,_Texas" is "Paris" in "Texas",
 * "United_States" has no qualifier.
 *
 * @param name      the subject's name, spaces for underscores
 * @param qualifier the words in the trailing parentheses or after the last comma, or null
 */
record TitleName(String name, String qualifier) {

    static TitleName of(String title) {
        String t = title.replace('_', ' ').strip();
        int open = t.lastIndexOf(" (");
        if (open > 0 && t.endsWith(")")) {
            return new TitleName(t.substring(0, open).strip(), t.substring(open + 2, t.length() - 1).strip());
        }
        int comma = t.lastIndexOf(", ");
        if (comma > 0 && comma + 2 < t.length() && Character.isUpperCase(t.charAt(comma + 2))) {
            return new TitleName(t.substring(0, comma).strip(), t.substring(comma + 2).strip());
        }
        return new TitleName(t, null);
    }
}

package dev.lifeboat.status;

/** The state of one section of the status report, worst last. */
public enum Health {
    OK(":large_green_circle:", "ok"),
    NOT_CONFIGURED(":white_circle:", "not configured"),
    UNKNOWN(":grey_question:", "unknown"),
    WARNING(":large_yellow_circle:", "warning"),
    DOWN(":red_circle:", "down");

    private final String emoji;
    private final String label;

    Health(String emoji, String label) {
        this.emoji = emoji;
        this.label = label;
    }

    public String emoji() {
        return emoji;
    }

    public String label() {
        return label;
    }
}

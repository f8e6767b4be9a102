package dev.camelkling.client.error;


/**
 * A request broke a documented rule and was not sent. The message reads
 * {@code "<subject> invalid: <field> <rule>"}, e.g.
 * {@code "text2video request invalid: prompt must be at most 2500 characters (was 2501)"}.
 */
public class KlingValidationException extends KlingException {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String field;
    private final String rule;

    /**
     * @param subject what was being validated, e.g. {@code "text2video request"} or {@code "media"}
     * @param field   wire name of the offending field; nested fields are dotted ({@code camera_control.config})
     * @param rule    the broken rule, phrased to follow the field name
     */
    public KlingValidationException(String subject, String field, String rule) {
        super(subject + " invalid: " + field + " " + rule);
        this.subject = subject;
        this.field = field;
        this.rule = rule;
    }

    public String subject() {
        return subject;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** The same broken rule, reported against another subject and field (e.g. a media value once its field is known). */
    public KlingValidationException reframe(String newSubject, String newField) {
        KlingValidationException reframed = new KlingValidationException(newSubject, newField, rule);
        reframed.setStackTrace(getStackTrace());
        return reframed;
    }
}

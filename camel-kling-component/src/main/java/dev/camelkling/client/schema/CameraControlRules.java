package dev.camelkling.client.schema;

import java.util.Map;
import java.util.Optional;

/** Reference §6.2 {@code camera_control}: type, config presence, axes, range and "exactly one non-zero axis". */
final class CameraControlRules {

    static final int AXIS_LIMIT = 10;

    private CameraControlRules() {
    }

    static final FieldCheck CAMERA_CONTROL = (field, value) -> check(field, (CameraControl) value);

    static Optional<Violation> check(String field, CameraControl control) {
        if (!CameraControl.TYPES.contains(control.type())) {
            return violation(field + ".type", "must be one of " + CameraControl.TYPES + " (was " + LooseValues.describe(control.type()) + ")");
        }
        Map<String, Integer> config = control.config();
        boolean hasConfig = config != null && !config.isEmpty();
        if (!CameraControl.SIMPLE.equals(control.type())) {
            return hasConfig ? violation(field + ".config", "must be absent when type is " + control.type()) : Optional.empty();
        }
        if (!hasConfig) {
            return violation(field + ".config", "is required when type is simple");
        }
        int nonZero = 0;
        for (Map.Entry<String, Integer> axis : config.entrySet()) {
            if (!CameraControl.AXES.contains(axis.getKey())) {
                return violation(field + ".config", "must only have the axes " + CameraControl.AXES + " (had \"" + axis.getKey() + "\")");
            }
            Integer amount = axis.getValue();
            if (amount == null || amount < -AXIS_LIMIT || amount > AXIS_LIMIT) {
                return violation(field + ".config." + axis.getKey(), "must be between -10 and 10 (was " + amount + ")");
            }
            if (amount != 0) {
                nonZero++;
            }
        }
        if (nonZero != 1) {
            return violation(field + ".config", "must have exactly one non-zero axis (had " + nonZero + ")");
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(String field, String rule) {
        return Optional.of(new Violation(field, rule));
    }
}

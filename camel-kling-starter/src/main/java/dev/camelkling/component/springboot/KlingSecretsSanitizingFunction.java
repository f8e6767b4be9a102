package dev.camelkling.component.springboot;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the kling keys in the actuator's /configprops and /env even when they are set to show values: Spring Boot 3
 * no longer masks keys by name, it only hides every value unless show-values says otherwise. Matches every spelling
 * of the properties (camel.component.kling.secret-key, ...secretKey, CAMEL_COMPONENT_KLING_SECRETKEY, a nested
 * ...configuration.secret-key) and the component's environment fallbacks (KLING_SECRET_KEY, ...).
 */
class KlingSecretsSanitizingFunction implements SanitizingFunction {

    @Override
    public SanitizableData apply(SanitizableData data) {
        return data.getValue() != null && isKlingSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    static boolean isKlingSecret(String key) {
        if (key == null) {
            return false;
        }
        String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "");
        for (String option : KlingComponentConfiguration.SECRET_OPTIONS) {
            String secret = option.toLowerCase(Locale.ROOT);
            if (normalized.equals("kling" + secret)
                    || normalized.startsWith("camelcomponentkling") && normalized.endsWith(secret)) {
                return true;
            }
        }
        return false;
    }
}

package dev.camelkling.component;

import java.util.Arrays;
import java.util.Optional;

import dev.camelkling.client.request.KlingFeature;

/**
 * The external_task_id a kling producer derives when the route gives none: {@code camel-<exchange id>-<feature>-<n>}
 * (see CreateStepMemory). Written here and read here, so that a consumer can tell which feature made a task from its
 * external id alone, in any application: the new design's listing does not say.
 */
final class DerivedExternalIds {

    private static final String PREFIX = "camel-";

    private DerivedExternalIds() {
    }

    /** The id of the exchange's {@code number}-th create, on an endpoint of {@code feature}. */
    static String of(String exchangeId, KlingFeature feature, int number) {
        return PREFIX + exchangeId + "-" + feature.uriName() + "-" + number;
    }

    /** The feature named in a derived id; empty for any other id (or none). */
    static Optional<KlingFeature> feature(String externalTaskId) {
        if (externalTaskId == null || !externalTaskId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int numberStart = externalTaskId.lastIndexOf('-');
        int featureStart = externalTaskId.lastIndexOf('-', numberStart - 1);
        if (featureStart <= PREFIX.length() || !isNumber(externalTaskId.substring(numberStart + 1))) {
            return Optional.empty();
        }
        String name = externalTaskId.substring(featureStart + 1, numberStart);
        return Arrays.stream(KlingFeature.values()).filter(f -> f.uriName().equals(name)).findFirst();
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}

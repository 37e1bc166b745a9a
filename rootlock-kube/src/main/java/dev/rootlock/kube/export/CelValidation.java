package dev.rootlock.kube.export;

/**
 * One rootlock check as a ValidatingAdmissionPolicy validation: the CEL that allows the pod and the
 * CEL that words its failure as the check's own {@code reason (detail)}.
 *
 * @param checkId the rootlock check ID this validation stands for
 * @param expression true when the pod passes; may use the policy's {@code variables}
 * @param messageExpression rootlock's message when it fails
 */
public record CelValidation(String checkId, String expression, String messageExpression) {}

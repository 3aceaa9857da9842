package com.acme.payments;

/** Stands for the service the sample builds; what matters is the jar it becomes. */
public final class PaymentsApi {
    private PaymentsApi() {
    }
}

package io.loyalty.feedback;

import io.loyalty.customer.CustomerErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Erases what an erased customer wrote: the comments of their feedback (which name people, places and orders as
 * customers write them). Types, scores, dates and orders stay, anonymous, so feedback metrics do not change.
 * Incident notes and resolutions are the business's own record of handling a complaint and are kept.
 */
@ApplicationScoped
public class FeedbackErasure {
    private final EntityManager em;

    FeedbackErasure(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCustomerErased(@Observes CustomerErased erased) {
        em.createNativeQuery("UPDATE feedback SET comment = NULL WHERE customer_id = :c AND comment IS NOT NULL")
                .setParameter("c", erased.customerId()).executeUpdate();
    }
}

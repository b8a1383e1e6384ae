package io.loyalty.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one keyset-paginated query of every list endpoint: the caller's filters, then {@code id > after},
 * ordered by id, fetching one row more than the page so that {@link Page#of} can tell whether a next page
 * exists. Works in JPQL over an entity or in native SQL over a table; either way the id column is
 * {@code id} and holds UUIDv7s.
 *
 * <pre>{@code
 * List<Customer> rows = Keyset.where()
 *         .and("externalId = :externalId", "externalId", externalId)
 *         .fetch(em, Customer.class, page);
 * return Page.of(rows, page.limit(), c -> c.id, CustomerResponse::from);
 * }</pre>
 */
public final class Keyset {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Keyset() {
    }

    public static Keyset where() {
        return new Keyset();
    }

    /** A condition that always applies. */
    public Keyset and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition with one named parameter, applied only when the value is given (a null filter is no filter). */
    public Keyset and(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** One page (plus one row) of an entity, in JPQL. */
    public <E> List<E> fetch(EntityManager em, Class<E> entity, PageRequest page) {
        String name = em.getMetamodel().entity(entity).getName();
        return bind(em.createQuery("from " + name + where(page) + " order by id", entity), page).getResultList();
    }

    /**
     * One page (plus one row) in native SQL.
     *
     * @param select      {@code SELECT ... FROM table}, without a WHERE
     * @param resultClass the entity to map rows to, or null for {@code Object[]} rows
     */
    @SuppressWarnings("unchecked")
    public <E> List<E> fetchNative(EntityManager em, String select, Class<E> resultClass, PageRequest page) {
        String sql = select + where(page) + " ORDER BY id";
        Query query = resultClass == null ? em.createNativeQuery(sql) : em.createNativeQuery(sql, resultClass);
        return bind(query, page).getResultList();
    }

    /** {@link #fetch} and {@link Page#of} in one, for lists that map each row on its own. */
    public <E, T> Page<T> page(EntityManager em, Class<E> entity, PageRequest page, Function<E, UUID> idOf,
                               Function<E, T> mapper) {
        return Page.of(fetch(em, entity, page), page.limit(), idOf, mapper);
    }

    private String where(PageRequest page) {
        List<String> all = new ArrayList<>(conditions);
        if (page.after() != null) {
            all.add("id > :after");
        }
        return all.isEmpty() ? "" : " where " + String.join(" and ", all);
    }

    private <Q extends Query> Q bind(Q query, PageRequest page) {
        parameters.forEach(query::setParameter);
        if (page.after() != null) {
            query.setParameter("after", page.after());
        }
        query.setMaxResults(page.fetchSize());
        return query;
    }
}

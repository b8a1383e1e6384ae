package io.loyalty.common;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import java.lang.annotation.ElementType;

/**
 * Bean validation may read and cascade into every property. With Hibernate ORM present, the default resolver asks
 * JPA, by reflection, whether each property of each validated object is loaded, before every constraint: a tenth of
 * the validation of an order, for objects that are never entities here (what is validated are the request records at
 * the edge; no entity carries a constraint, and Hibernate's own entity validation is off).
 */
@Singleton
public class EveryPropertyReachable implements TraversableResolver {
    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}

"""Operations glue: connects the page-cache invalidation and image-upload hooks at start-up."""

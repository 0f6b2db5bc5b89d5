-- The case list and its export filter by product and region (issue 9). Walking the newest cases for a
-- rare or mistyped value reads the whole workspace (a sequential scan in the plan); these indexes find
-- its cases at once. Cases without a product or region (most social and phone cases) stay out of them.
CREATE INDEX support_case_product_created_idx ON support_case (workspace_id, product, created_at DESC, id DESC)
  WHERE product IS NOT NULL;
CREATE INDEX support_case_region_created_idx ON support_case (workspace_id, region, created_at DESC, id DESC)
  WHERE region IS NOT NULL;

import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Product = { id: string; ar: string; en: string };
/** A product while it is edited; `key` identifies the row while its id is typed. */
export type ProductRow = Product & { key: number };

export const productRowsOf = (products: Product[]): ProductRow[] =>
  products.map((product, key) => ({ key, ...product }));
export const productsOf = (rows: ProductRow[]): Product[] =>
  rows.map(({ id, ar, en }) => ({ id: id.trim(), ar: ar.trim(), en: en.trim() }));

/** The products a customer picks from on the form: an id stored on the case, a name in each language. */
export function FormProductsEditor({
  rows,
  onChange,
  errorAt,
}: {
  rows: ProductRow[];
  onChange: (rows: ProductRow[]) => void;
  errorAt: (field: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation('channels');
  const [nextKey, setNextKey] = useState(() => rows.length);
  const edit = (key: number, change: Partial<Product>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    onChange([...rows, { key: nextKey, id: '', ar: '', en: '' }]);
    setNextKey(nextKey + 1);
  };
  const errorOf = (index: number, field: keyof Product) => errorAt(`form.products.${index}.${field}`);

  return (
    <Fieldset legend={t('form.products')} data-testid="form-products">
      <Stack gap="xs">
        <Text size="xs" c="gray.7">
          {t('form.productsHint')} {t('form.productIdHint')}
        </Text>
        {rows.length === 0 && <Text size="sm">{t('form.noProducts')}</Text>}
        {rows.map((row, index) => {
          const name = (i18n.language === 'en' ? row.en : row.ar) || row.id || t('form.newProduct');
          return (
            <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="form-product">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                <TextInput
                  label={t('form.productId')}
                  required
                  dir="ltr"
                  value={row.id}
                  onChange={(event) => edit(row.key, { id: event.currentTarget.value })}
                  error={errorOf(index, 'id')}
                />
                <TextInput
                  label={t('form.productAr')}
                  required
                  lang="ar"
                  dir="rtl"
                  value={row.ar}
                  onChange={(event) => edit(row.key, { ar: event.currentTarget.value })}
                  error={errorOf(index, 'ar')}
                />
                <TextInput
                  label={t('form.productEn')}
                  required
                  lang="en"
                  dir="ltr"
                  value={row.en}
                  onChange={(event) => edit(row.key, { en: event.currentTarget.value })}
                  error={errorOf(index, 'en')}
                />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red.9"
                mt={28}
                aria-label={t('form.removeProduct', { name })}
                onClick={() => onChange(rows.filter((item) => item.key !== row.key))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            {t('form.addProduct')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

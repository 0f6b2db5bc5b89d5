import { describe, expect, it } from 'vitest';
import { loadBundledModel } from './bundled-model.ts';
import type { WorkspaceCategory } from './categories.ts';
import { classifyWithModel } from './classify.ts';
import {
  type Correction,
  evaluateOverlayGain,
  trainWorkspaceOverlay,
  workspaceOverlaySchema,
} from './workspace-overlay.ts';

// A pharmacy chain whose customers complain about prescriptions, a category the base model lacks.
const categories: WorkspaceCategory[] = [
  { id: 'prescriptions', names: { ar: 'الوصفات', en: 'Prescriptions' } },
  { id: 'delivery', names: { ar: 'التوصيل', en: 'Delivery' }, basedOn: ['delivery'] },
  {
    id: 'other',
    names: { ar: 'أخرى', en: 'Other' },
    basedOn: [
      'other',
      'billing_refunds',
      'product_quality',
      'ordering_checkout',
      'customer_service',
      'technical_problem',
      'account',
    ],
  },
];

function pharmacyCorrections(): Correction[] {
  const drugs = [
    'البنادول',
    'الانسولين',
    'دواء الضغط',
    'المضاد الحيوي',
    'فيتامين د',
    'دواء السكر',
    'الكورتيزون',
    'بخاخ الربو',
  ];
  const frames = [
    'الصيدلي رفض يصرف {} مع اني عندي وصفة',
    'الوصفة حقت {} ما انصرفت كاملة',
    'ما لقيت {} في الصيدلية والوصفة معي',
    'صرفوا لي {} غلط عن الوصفة',
  ];
  return drugs.flatMap((drug) =>
    frames.map((frame) => ({
      text: frame.replace('{}', drug),
      category: 'prescriptions',
      kind: 'complaint' as const,
    })),
  );
}

describe('workspace overlay', () => {
  const model = loadBundledModel();

  it('learns a category the base model has never seen from a workspace’s corrections', () => {
    const overlay = trainWorkspaceOverlay(model, pharmacyCorrections(), { categories });
    const text = 'الصيدلية ما صرفت الوصفة حقت دواء الغدة';
    expect(classifyWithModel(model, text, { categories }).category.id).not.toBe('prescriptions');
    expect(classifyWithModel(model, text, { categories, overlay }).category.id).toBe('prescriptions');
    // A delivery complaint stays a delivery complaint.
    expect(classifyWithModel(model, 'الطلب متأخر والمندوب ما يرد', { categories, overlay }).category.id).toBe(
      'delivery',
    );
  });

  it('shows the gain on held-out corrections', () => {
    const gain = evaluateOverlayGain(model, pharmacyCorrections(), { categories });
    expect(gain.heldOutCount).toBeGreaterThan(0);
    expect(gain.category.adaptedAccuracy).toBeGreaterThan(gain.category.baseAccuracy);
  });

  it('is deterministic and survives storage as JSON', () => {
    const first = trainWorkspaceOverlay(model, pharmacyCorrections(), { categories });
    const second = trainWorkspaceOverlay(model, pharmacyCorrections(), { categories });
    expect(second).toEqual(first);
    const stored = workspaceOverlaySchema.parse(JSON.parse(JSON.stringify(first)));
    expect(stored).toEqual(first);
    expect(stored.trainedOn).toEqual({ kindCorrections: 32, categoryCorrections: 32 });
  });

  it('leaves the kind head alone when no correction is about kind', () => {
    const overlay = trainWorkspaceOverlay(model, [{ text: 'الوصفة ما انصرفت', category: 'prescriptions' }], {
      categories,
    });
    expect(overlay.kind).toBeUndefined();
    expect(overlay.category?.labels).toEqual(['prescriptions', 'delivery', 'other']);
  });
});

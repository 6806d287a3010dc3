// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { renderWithStore } from '../testing/render';
import { PhoneNumber } from './PhoneNumber';

afterEach(cleanup);

it.each([
  ['tel:+51960039428', '+51 960 039 428', '51960039428', ''],
  ['0051 936 060 527', '+51 936 060 527', '51936060527', ''],
  ['083510101 anexo 51', '+51 83 510101 anexo 51', '5183510101', ',51'],
  ['987-654-321', '+51 987 654 321', '51987654321', ''],
  ['(01) 234-5678', '+51 1 234 5678', '5112345678', ''],
  ['+1 (415) 555-2671', '+1 415 555 2671', '14155552671', ''],
])('shows %s as %s, with the raw text on hover, and call / WhatsApp links to the E.164 digits', (raw, readable, digits, ext) => {
  renderWithStore(<PhoneNumber raw={raw} />, 'es');
  expect(screen.getByText(readable).getAttribute('title')).toBe(raw);
  expect(screen.getByRole('link', { name: `Llamar al ${readable}` }).getAttribute('href')).toBe(`tel:+${digits}${ext}`);
  expect(screen.getByRole('link', { name: `Escribir al ${readable} por WhatsApp` }).getAttribute('href')).toBe(`https://wa.me/${digits}`);
});

it('shows a text with too few digits to dial as typed, without actions', () => {
  renderWithStore(<PhoneNumber raw="anexo 12" />, 'es');
  expect(screen.getByText('anexo 12')).toBeTruthy();
  expect(screen.queryAllByRole('link')).toHaveLength(0);
});

it('copies the number in E.164 and says so, without the click reaching the row around it', async () => {
  const writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  const onRowClick = vi.fn();
  renderWithStore(
    <div onClick={onRowClick}>
      <PhoneNumber raw="987 654 321" compact />
    </div>,
    'es',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Copiar +51 987 654 321' }));
  expect(writeText).toHaveBeenCalledWith('+51987654321');
  await waitFor(() => expect(screen.getByRole('button', { name: 'Copiar +51 987 654 321' }).textContent).toBe('Copiado'));
  expect(onRowClick).not.toHaveBeenCalled();
});

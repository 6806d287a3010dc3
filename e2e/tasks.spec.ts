/**
 * Notes and tasks, read from the mirror (issue 14, reads): a lead's timeline in its details and
 * the rep's "Mis tareas", with a task added in Kommo (the simulator) arriving live. In Chromium,
 * through the web preview, in Spanish (Peru).
 */
import { expect } from '@playwright/test';
import { signInWithToken, test } from './fixtures/kommo-account';
import { firstDownload, grid, ONE_CYCLE_MS, requireSyncEngine, rowCount, rows } from './fixtures/mirror-page';

test.use({ locale: 'es-PE', timezoneId: 'America/Lima' });

test("a lead's timeline and Mis tareas show what Kommo holds, and a task added in Kommo arrives live", async ({ page, kommo }) => {
  const control = kommo.sim.control;
  const me = kommo.sim.account().currentUserId;
  const now = control.now();
  const lead = control.create({ entity: 'leads', data: { name: 'Venta con historial', responsible_user_id: me } });
  control.addNote({ entity: 'leads', id: lead.id, text: 'Cliente pide cotización de 20 sillas', actor: me });
  control.addNote({
    entity: 'leads',
    id: lead.id,
    noteType: 'call_out',
    params: { uniq: 'llamada-1', duration: 125, source: 'Central', phone: '+51 987 654 321', call_result: 'Interesado' },
    actor: me,
  });
  control.addNote({ entity: 'leads', id: lead.id, noteType: 'robot_summary_v2', params: { text: 'Resumen automático' }, actor: 0 });
  control.addTask({ entityId: lead.id, text: 'Enviar cotización vencida', completeTill: now - 3600, actor: me });
  control.addTask({ entityId: lead.id, text: 'Llamar antes del cierre', completeTill: now + 60, actor: me });

  await signInWithToken(page, kommo);
  await requireSyncEngine(page);
  const live = await firstDownload(page, kommo.sim);

  // The timeline, newest first: notes of every kind (an unknown one by its type) and the tasks.
  await grid(page).locator(`[role="row"][data-id="${lead.id}"]`).click();
  const timeline = page.getByRole('complementary').getByRole('region', { name: 'Historial' });
  await expect(timeline.getByText('Cliente pide cotización de 20 sillas')).toBeVisible({ timeout: ONE_CYCLE_MS });
  await expect(timeline.getByText('Llamada saliente')).toBeVisible();
  await expect(timeline.getByText('Duración 2:05')).toBeVisible();
  await expect(timeline.getByText('Resultado: Interesado')).toBeVisible();
  await expect(timeline.getByText('Nota (robot_summary_v2)')).toBeVisible();
  await expect(timeline.getByText('Enviar cotización vencida')).toBeVisible();
  await expect(timeline.getByText('Los cambios de etapa aún no están en la copia local', { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');

  // Mis tareas: overdue and today, read-only with a line that says why.
  await page.getByRole('navigation').getByRole('button', { name: 'Mis tareas' }).click();
  const view = page.getByRole('region', { name: 'Mis tareas' });
  await expect(view.getByRole('region', { name: /Vencidas/ }).getByText('Enviar cotización vencida')).toBeVisible();
  await expect(view.getByRole('region', { name: /Hoy/ }).getByText('Llamar antes del cierre')).toBeVisible();
  await expect(view.getByText('Marcar una tarea como hecha llegará con la escritura a Kommo', { exact: false })).toBeVisible();
  await expect(view.getByRole('checkbox')).toHaveCount(0);

  // Added in Kommo now: it shows under "Próximas" after the next sync cycle, with no reload.
  control.addTask({ entityId: lead.id, text: 'Visita de demostración', completeTill: now + 3 * 86_400, actor: me });
  await expect(view.getByRole('region', { name: /Próximas/ }).getByText('Visita de demostración')).toBeVisible({ timeout: ONE_CYCLE_MS });
  // Its lead opens from the task.
  await view
    .getByRole('region', { name: /Próximas/ })
    .getByRole('button', { name: 'Venta con historial' })
    .first()
    .click();
  await expect(page.getByRole('complementary').getByRole('heading', { level: 2 })).toHaveText('Venta con historial');

  // The lead list's task filters: only this lead has an overdue task; every other has no open one.
  await page.keyboard.press('Escape');
  await page.getByRole('navigation').getByRole('button', { name: 'Leads', exact: true }).click();
  const taskFilter = page.getByRole('combobox', { name: 'Tareas', exact: true });
  // The bar is one line: the filter may sit under "Más filtros".
  if (!(await taskFilter.isVisible()))
    await page
      .getByRole('search', { name: 'Filtros de leads' })
      .getByRole('button', { name: /^Más filtros/ })
      .click();
  await taskFilter.selectOption('overdue');
  await expect.poll(() => rowCount(page)).toBe(1);
  await expect(rows(page).first()).toHaveAttribute('data-id', String(lead.id));
  await taskFilter.selectOption('none_open');
  await expect.poll(() => rowCount(page)).toBe(live - 1);
});

/** Spanish (Peruvian) names, companies and words for generated records. */

export const FIRST_NAMES_F = [
  'María', 'Rosa', 'Carmen', 'Ana', 'Lucía', 'Juana', 'Elena', 'Sofía', 'Valeria', 'Camila', 'Daniela',
  'Gabriela', 'Fernanda', 'Milagros', 'Patricia', 'Jessica', 'Karina', 'Claudia', 'Mónica', 'Verónica',
  'Flor', 'Yolanda', 'Gladys', 'Maribel', 'Ximena', 'Andrea', 'Paola', 'Natalia', 'Isabel', 'Luz',
] as const;

export const FIRST_NAMES_M = [
  'José', 'Luis', 'Juan', 'Carlos', 'Jorge', 'Miguel', 'César', 'Víctor', 'Pedro', 'Manuel', 'Ricardo',
  'Alejandro', 'Diego', 'Sebastián', 'Mateo', 'Andrés', 'Raúl', 'Óscar', 'Fernando', 'Héctor', 'Iván',
  'Julio', 'Walter', 'Edwin', 'Percy', 'Wilmer', 'Alonso', 'Renzo', 'Gonzalo', 'Álvaro',
] as const;

export const SECOND_NAMES = ['del Pilar', 'Alejandra', 'Antonio', 'Enrique', 'Isabel', 'Fernando', 'Teresa', 'Eduardo'] as const;

export const LAST_NAMES = [
  'Quispe', 'Flores', 'Sánchez', 'Rodríguez', 'García', 'Rojas', 'Huamán', 'Mamani', 'Chávez', 'Vásquez',
  'Ramírez', 'Torres', 'Díaz', 'Mendoza', 'Castillo', 'Gutiérrez', 'Espinoza', 'Pérez', 'López', 'Cruz',
  'Ramos', 'Vargas', 'Gonzales', 'Fernández', 'Salazar', 'Álvarez', 'Romero', 'Córdova', 'Paredes',
  'Ccori', 'Condori', 'Apaza', 'Villanueva', 'Núñez', 'Zúñiga', 'Palomino', 'Cárdenas', 'Ñahui',
  'Ortiz', 'Medina', 'Aguilar', 'Benítez', 'De la Cruz', 'Del Águila', 'Peña', 'Yupanqui',
] as const;

export const COMPANY_PREFIXES = ['Inversiones', 'Comercial', 'Corporación', 'Distribuidora', 'Grupo', 'Servicios', 'Importaciones', 'Constructora', 'Inmobiliaria', 'Agroindustrias', 'Transportes', 'Textil'] as const;
export const COMPANY_CORES = ['Andina', 'del Pacífico', 'Rímac', 'Inca', 'Los Olivos', 'San Martín', 'Chavín', 'Amazonía', 'Miraflores', 'El Sol', 'Huascarán', 'Mochica', 'Santa Rosa', 'Arequipeña', 'Norteña', 'Cusqueña', 'Ica', 'Tumbes', 'Vizcarra', 'Pachacútec'] as const;
export const COMPANY_SUFFIXES = ['S.A.C.', 'S.A.', 'E.I.R.L.', 'S.R.L.', 'S.A.A.'] as const;

export const PRODUCTS = ['laptops', 'impresoras', 'uniformes', 'cemento', 'fierro corrugado', 'muebles de oficina', 'software contable', 'mantenimiento', 'capacitación', 'seguro vehicular', 'paneles solares', 'cámaras de seguridad', 'útiles escolares', 'equipos médicos', 'alquiler de camionetas'] as const;

export const LEAD_NAME_PATTERNS = [
  (p: string, who: string): string => `Cotización ${p} - ${who}`,
  (p: string, who: string): string => `Pedido de ${p} (${who})`,
  (p: string): string => `Consulta por ${p}`,
  (p: string, who: string): string => `${who}: ${p}`,
  (p: string): string => `Venta ${p}`,
  (_p: string, who: string): string => `Oportunidad ${who}`,
] as const;

export const EMAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'yahoo.es', 'outlook.com', 'gmail.com', 'hotmail.es', 'live.com'] as const;

export const STREETS = ['Av. Arequipa', 'Jr. de la Unión', 'Av. Javier Prado Este', 'Calle Las Begonias', 'Av. Larco', 'Av. Brasil', 'Jr. Lampa', 'Av. Angamos Oeste', 'Av. La Marina', 'Calle Schell'] as const;
export const DISTRICTS = ['Miraflores', 'San Isidro', 'Surco', 'La Molina', 'Lince', 'Jesús María', 'Cercado de Lima', 'Trujillo', 'Arequipa', 'Chiclayo', 'Piura', 'Cusco'] as const;

export const NOTE_TEXTS = [
  'Llamé al cliente, pide nueva cotización.',
  'Cliente interesado, enviar catálogo por WhatsApp.',
  'No contesta, volver a llamar mañana.',
  'Reunión confirmada para el jueves.',
  'Solicita descuento por volumen.',
  'Envió orden de compra.',
] as const;

/** Strips accents and spaces for e-mail local parts ("Núñez" → "nunez"). */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ñ/gi, 'n')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

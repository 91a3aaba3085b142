<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'acme_blog' );

/** Database username */
define( 'DB_USER', 'blog_wp' );

/** Database password */
define( 'DB_PASSWORD', '«pw»' ); ⟦+password⟧

/** Database hostname */
define( 'DB_HOST', 'mysql-blog.acme-hosting.net' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         '«strong:64»' ); ⟦+token⟧
define( 'SECURE_AUTH_KEY',  '«strong:64»' ); ⟦+token⟧
define( 'LOGGED_IN_KEY',    '«strong:64»' ); ⟦+token⟧
define( 'NONCE_KEY',        '«strong:64»' ); ⟦+token⟧
define( 'AUTH_SALT',        '«strong:64»' ); ⟦+token⟧
define( 'SECURE_AUTH_SALT', '«strong:64»' ); ⟦+token⟧
define( 'LOGGED_IN_SALT',   '«strong:64»' ); ⟦+token⟧
define( 'NONCE_SALT',       '«strong:64»' ); ⟦+token⟧
/**#@-*/

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );
define( 'FS_METHOD', 'ftpext' );
define( 'FTP_USER', 'acmeblog' );
define( 'FTP_PASS', '«pw»' ); ⟦+password⟧
define( 'FTP_HOST', 'ftp.acme-hosting.net' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
